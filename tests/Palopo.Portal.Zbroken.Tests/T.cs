namespace Z; public class T { void X() { int y = "s"; } }
