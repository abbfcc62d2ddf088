namespace Palopo.Portal.Web.Models.Requests;

/// <summary>The claim form (/permohonan/klaim): the reference number and tracking code from a counter receipt.</summary>
public sealed class ClaimForm
{
    public string? ReferenceNumber { get; set; }

    public string? TrackingCode { get; set; }
}
