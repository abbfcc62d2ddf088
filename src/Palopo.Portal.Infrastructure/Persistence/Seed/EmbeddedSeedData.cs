using System.Text.Json;

namespace Palopo.Portal.Infrastructure.Persistence.Seed;

/// <summary>Reads the JSON seed files compiled into this assembly (the app never reads ../shared).</summary>
internal static class EmbeddedSeedData
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static T Read<T>(string fileName)
    {
        var assembly = typeof(EmbeddedSeedData).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidOperationException($"Seed file {fileName} is empty.");
    }
}

internal sealed record WilayahFile(WilayahKecamatan[] Kecamatan);

internal sealed record WilayahKecamatan(string Kode, string Nama, WilayahKelurahan[] Kelurahan);

internal sealed record WilayahKelurahan(string Kode, string Nama, string[]? Aliases);

internal sealed record AgencySeed(string Code, string ShortName, string Name, string NameEn);
