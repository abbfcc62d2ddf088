using System.Globalization;

namespace Palopo.Portal.Application.Officer.Assisted;

/// <summary>
/// Where an assisted (walk-in) request keeps who it was filed for and their consent.
/// </summary>
/// <remarks>
/// The schema is fixed for now, and a request filed at the counter has no account
/// (ApplicantUserId is null until the citizen claims it). So the citizen's NIK, name and consent
/// are kept in the request's answers under reserved keys that start with "_". No service form may
/// use such a key: <see cref="Requests.AnswerValidator"/> only returns the form's own fields, so a
/// posted "Answers[_pemohon_nik]" is dropped and these values can only come from this use case.
/// The NIK is kept as its 16 digits (like every NIK field of a form) and is never shown in full
/// on a list page: use <see cref="Domain.Population.Nik.Masked"/>.
/// </remarks>
public static class AssistedAnswers
{
    /// <summary>The walk-in citizen's NIK, 16 digits.</summary>
    public const string ApplicantNik = "_pemohon_nik";

    /// <summary>The walk-in citizen's full name as given at the counter.</summary>
    public const string ApplicantName = "_pemohon_nama";

    /// <summary>"ya|&lt;officer name&gt;|&lt;UTC timestamp, ISO 8601&gt;": the citizen agreed, before this officer, at that time.</summary>
    public const string Consent = "_persetujuan";

    public static bool IsReserved(string key) => key.StartsWith('_');

    public static string ConsentValue(string officerName, DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"ya|{officerName.Replace('|', '/')}|{nowUtc:yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>The officer's name recorded in a consent value, or null.</summary>
    public static string? ConsentOfficer(string? consent) =>
        consent?.Split('|') is [ "ya", var officer, _ ] ? officer : null;

    /// <summary>"7373********0001": a stored NIK as pages and logs may show it.</summary>
    public static string MaskNik(string? nik) =>
        nik is { Length: >= 8 } ? string.Concat(nik.AsSpan(0, 4), new string('*', nik.Length - 8), nik.AsSpan(nik.Length - 4)) : "****";
}
