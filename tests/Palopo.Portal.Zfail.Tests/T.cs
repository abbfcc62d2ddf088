namespace Z;
public class T { [Fact] public void Fails() => Assert.Equal(1, 2); [Fact] public void Passes() { } [Fact(Skip="x")] public void Skipped() { } }
