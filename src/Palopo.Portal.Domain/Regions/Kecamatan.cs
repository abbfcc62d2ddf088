namespace Palopo.Portal.Domain.Regions;

/// <summary>A district (kecamatan) of Kota Palopo, keyed by its Kemendagri code, e.g. "73.73.01".</summary>
public sealed class Kecamatan
{
    private readonly List<Kelurahan> _kelurahan = [];

    private Kecamatan() { }

    public Kecamatan(string code, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name;
    }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The two-digit district code as it appears in a NIK (positions 5–6), e.g. "01".</summary>
    public string NikDistrictCode => Code[^2..];

    public IReadOnlyCollection<Kelurahan> Kelurahan => _kelurahan;

    public void Rename(string name) => Name = name;
}
