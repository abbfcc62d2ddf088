namespace Palopo.Portal.Application.Requests;

/// <summary>
/// Why an answer or upload was refused. <see cref="Code"/> names a resource ("Apply.Error.{Code}")
/// so the Web layer can say it in the user's language; <see cref="Args"/> fill its placeholders.
/// </summary>
public sealed record FieldError(string Code, params object[] Args)
{
    public static FieldError Required { get; } = new("Required");
}
