namespace Palopo.Portal.Domain.Population;

/// <summary>
/// Why a string is not a valid NIK. <see cref="Nik.TryParse(string?, DateOnly, out Nik?, out NikError?)"/>
/// checks for emptiness, then for characters other than digits, then length, region, date and
/// serial; the first failure wins.
/// </summary>
public enum NikError
{
    /// <summary>Nothing left once whitespace and dots are removed.</summary>
    Empty,

    /// <summary>Not exactly 16 digits.</summary>
    WrongLength,

    /// <summary>A character other than a digit, whitespace or a dot.</summary>
    NotDigits,

    /// <summary>Unknown province, or regency or district code 00.</summary>
    InvalidRegion,

    /// <summary>The DDMMYY part is not a real calendar date (women: day + 40).</summary>
    InvalidDate,

    /// <summary>The serial number is 0000.</summary>
    InvalidSerial,
}
