using Palopo.Portal.Application.Officer.Supervision;

namespace Palopo.Portal.Web.Areas.Officer.Models;

/// <summary>The reassignment form: which officer, and the version of the request the page showed.</summary>
public sealed class ReassignForm
{
    public Guid? OfficerUserId { get; set; }

    public int Version { get; set; }
}

/// <summary>The reassignment page: the request (no personal data), the agency's officers, the form.</summary>
public sealed record ReassignPage(ReassignmentSubject Subject, ReassignForm Form, string Language);
