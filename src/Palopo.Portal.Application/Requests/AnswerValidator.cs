using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Requests;

/// <summary>
/// Checks a form's answers against the form's field definitions and returns cleaned values
/// (trimmed, NIKs as 16 digits, dates as yyyy-MM-dd) and an error per field.
/// </summary>
public sealed class AnswerValidator(IPortalDbContext db, TimeProvider clock)
{
    public const string Yes = "ya";
    public const string No = "tidak";

    public async Task<AnswerCheck> CheckAsync(
        IEnumerable<FieldDefinition> fields, IReadOnlyDictionary<string, string?> answers, bool requireAll, CancellationToken ct)
    {
        var today = PalopoTime.Today(clock);
        var clean = new Dictionary<string, string>();
        var errors = new Dictionary<string, FieldError>();
        HashSet<string>? kelurahan = null;

        foreach (var field in fields)
        {
            var raw = answers.GetValueOrDefault(field.Key)?.Trim() ?? "";
            if (raw.Length == 0)
            {
                if (requireAll && field.Required)
                    errors[field.Key] = FieldError.Required;
                continue;
            }

            if (raw.Length > field.EffectiveMaxLength)
            {
                errors[field.Key] = new FieldError("TooLong", field.EffectiveMaxLength);
                clean[field.Key] = raw[..field.EffectiveMaxLength];
                continue;
            }

            if (raw.Any(c => char.IsControl(c) && !(field.Type == FieldType.LongText && c is '\r' or '\n' or '\t')))
            {
                errors[field.Key] = new FieldError("InvalidCharacters");
                clean[field.Key] = new string(raw.Where(c => !char.IsControl(c)).ToArray());
                continue;
            }

            clean[field.Key] = raw;
            if (field.Type == FieldType.Kelurahan)
                kelurahan ??= (await db.Kelurahan.AsNoTracking().Select(k => k.Code).ToListAsync(ct)).ToHashSet();
            var (value, error) = CheckValue(field, raw, today, kelurahan);
            if (error is not null)
                errors[field.Key] = error;
            else
                clean[field.Key] = value;
        }

        return new AnswerCheck(clean, errors);
    }

    private static (string Value, FieldError? Error) CheckValue(FieldDefinition field, string raw, DateOnly today, HashSet<string>? kelurahan)
    {
        switch (field.Type)
        {
            case FieldType.Number:
                if (!decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    return (raw, new FieldError("NotANumber"));
                if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
                    return (raw, new FieldError("OutOfRange", field.Min ?? decimal.MinValue, field.Max ?? decimal.MaxValue));
                return (number.ToString(CultureInfo.InvariantCulture), null);

            case FieldType.Date:
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900 || date.Year > 2200)
                    return (raw, new FieldError("InvalidDate"));
                if (field.DateRule == DateRule.PastOrToday && date > today)
                    return (raw, new FieldError("DateInFuture"));
                if (field.DateRule == DateRule.TodayOrLater && date < today)
                    return (raw, new FieldError("DateInPast"));
                return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);

            case FieldType.Choice:
                return field.Options?.Any(o => o.Value == raw) == true ? (raw, null) : (raw, new FieldError("InvalidChoice"));

            case FieldType.YesNo:
                return raw is Yes or No ? (raw, null) : (raw, new FieldError("InvalidChoice"));

            case FieldType.Nik:
                if (!Nik.TryParse(raw, today, out var nik, out var nikError))
                    return (raw, new FieldError("Nik." + nikError));
                if (field.PalopoOnly && !nik.IsPalopo)
                    return (raw, new FieldError("NotPalopoNik"));
                return (nik.Value, null);

            case FieldType.Kelurahan:
                return kelurahan!.Contains(raw) ? (raw, null) : (raw, new FieldError("InvalidKelurahan"));

            default:
                return (raw, null);
        }
    }
}

/// <summary>Cleaned answers (what to keep and re-show) and the errors, by field key.</summary>
public sealed record AnswerCheck(IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
