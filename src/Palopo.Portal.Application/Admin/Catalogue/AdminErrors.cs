namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>
/// One problem with an admin's input: the form field it belongs to (its HTML name), a message
/// code the web layer turns into localized text ("AdminCatalogue.Error.{Code}"), and its arguments.
/// </summary>
public sealed record AdminError(string Field, string Code, params object[] Args);

/// <summary>Collects problems, one per field (the first found is the one a person can act on).</summary>
public sealed class AdminErrors
{
    private readonly List<AdminError> _errors = [];

    public IReadOnlyList<AdminError> All => _errors;

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public void Add(string field, string code, params object[] args)
    {
        if (!Has(field))
            _errors.Add(new AdminError(field, code, args));
    }

    /// <summary>A free text: required or not, at most <paramref name="max"/> characters, no control characters (line breaks only where <paramref name="multiline"/>).</summary>
    public string Text(string field, string? value, int max, bool required = false, bool multiline = false)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
            Add(field, "Required");
        else if (text.Length > max)
            Add(field, "TooLong", max);
        else if (text.Any(c => char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t')))
            Add(field, "ControlCharacters");
        return multiline ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
    }

    /// <summary>A machine key (form field, document, step, option value): lower-case letters, digits and '_', 1–40 long.</summary>
    public string Key(string field, string? value)
    {
        var key = (value ?? "").Trim();
        if (key.Length == 0)
            Add(field, "Required");
        else if (key.Length > 40 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            Add(field, "KeyFormat");
        return key;
    }

    /// <summary>A whole number written by a person ("15.000" and "15 000" are fifteen thousand), within a range.</summary>
    public int? WholeNumber(string field, string? value, long min, long max, string rangeCode, bool required = true)
    {
        var text = (value ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            if (required)
                Add(field, "Required");
            return null;
        }

        var negative = text.StartsWith('-') || text.StartsWith('\u2212');
        var digits = negative ? text[1..] : text;
        if (digits.Length == 0 || digits.Length > 12 || !digits.All(char.IsAsciiDigit))
        {
            Add(field, "NotANumber");
            return null;
        }

        var number = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        if (number < min || number > max)
        {
            Add(field, rangeCode, min, max);
            return null;
        }

        return (int)number;
    }

    /// <summary>A decimal with '.' or ',' as the separator (for number limits on form fields).</summary>
    public decimal? Decimal(string field, string? value)
    {
        var text = (value ?? "").Trim().Replace(',', '.');
        if (text.Length == 0)
            return null;
        if (text.Length > 20 || !decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Add(field, "NotANumber");
            return null;
        }

        return number;
    }
}
