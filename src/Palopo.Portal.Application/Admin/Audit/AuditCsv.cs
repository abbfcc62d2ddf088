using System.Globalization;
using System.Text;

namespace Palopo.Portal.Application.Admin.Audit;

/// <summary>
/// RFC 4180 CSV for the audit export, safe to open in a spreadsheet: a cell that a spreadsheet
/// would read as a formula (starting with = + - @, tab or carriage return) gets a leading
/// apostrophe (OWASP "CSV injection"), and cells with commas, quotes or line breaks are quoted.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Header =
        ["waktu_utc", "waktu_wita", "aksi", "pelaku", "pelaku_id", "instansi_pelaku_id", "jenis_subjek", "subjek_id", "subjek_data_id", "referensi", "keterangan"];

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Line(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Line([
            row.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Common.PalopoTime.ToLocal(row.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            row.Action.ToString(),
            row.ActorName,
            row.ActorUserId?.ToString(),
            row.ActorAgencyId?.ToString(),
            row.SubjectType,
            row.SubjectId?.ToString(),
            row.DataSubjectUserId?.ToString(),
            row.Reference,
            row.Detail,
        ]);
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return value;
        var quoted = new StringBuilder(value.Length + 8).Append('"');
        quoted.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return quoted.Append('"').ToString();
    }
}
