namespace Palopo.Portal.Application.Regions;

public sealed record KelurahanOption(string Code, string Name, string KecamatanName);
