namespace Palopo.Portal.Application.Requests;

/// <summary>An upload as the Web layer received it, for a document requirement.</summary>
public sealed record IncomingFile(string RequirementKey, string? FileName, long Length, Func<Stream> OpenReadStream);
