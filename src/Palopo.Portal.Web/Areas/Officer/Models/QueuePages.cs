using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Palopo.Portal.Application.Officer.Queues;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Web.Areas.Officer.Models;

/// <summary>The queue's query string, in the interface's language (Indonesian slugs people can bookmark).</summary>
public sealed class QueueQuery
{
    public const string Mine = "saya";
    public const string DueToday = "hari-ini";
    public const string Overdue = "terlambat";
    public const string Ascending = "naik";
    public const string Descending = "turun";

    [FromQuery(Name = "layanan")]
    public string? Service { get; set; }

    [FromQuery(Name = "tahap")]
    public string? Step { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "kelurahan")]
    public string? Kelurahan { get; set; }

    [FromQuery(Name = "milik")]
    public string? Owner { get; set; }

    [FromQuery(Name = "tenggat")]
    public string? Due { get; set; }

    [FromQuery(Name = "urut")]
    public string? Sort { get; set; }

    [FromQuery(Name = "cari")]
    public string? Search { get; set; }

    [FromQuery(Name = "setelah")]
    public string? After { get; set; }

    /// <summary>The statuses an officer can filter by (drafts never reach a queue).</summary>
    public static readonly RequestStatus[] Statuses =
    [
        RequestStatus.Submitted, RequestStatus.InReview, RequestStatus.Resubmitted, RequestStatus.NeedsCorrection,
        RequestStatus.Approved, RequestStatus.Issued, RequestStatus.Rejected, RequestStatus.Withdrawn,
    ];

    /// <summary>
    /// The filter the use case runs, and whether some value was not understood (it is then ignored and
    /// the page says so: a bookmarked or hand-typed address never fails).
    /// </summary>
    public (QueueFilter Filter, bool HadInvalid) ToFilter(IReadOnlyList<QueueService> services, IReadOnlyCollection<string> kelurahanCodes)
    {
        var invalid = false;
        Guid? serviceId = null;
        QueueService? service = null;
        if (!string.IsNullOrWhiteSpace(Service))
        {
            service = services.FirstOrDefault(s => s.Slug == Service.Trim());
            serviceId = service?.Id;
            invalid |= service is null;
        }

        int? step = null;
        if (!string.IsNullOrWhiteSpace(Step))
        {
            if (int.TryParse(Step, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 0 and < 20
                && (service is null || s < service.Steps.Count))
                step = s;
            else
                invalid = true;
        }

        RequestStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (Enum.TryParse<RequestStatus>(Status, ignoreCase: false, out var parsed) && Statuses.Contains(parsed))
                status = parsed;
            else
                invalid = true;
        }

        string? kelurahan = null;
        if (!string.IsNullOrWhiteSpace(Kelurahan))
        {
            if (kelurahanCodes.Contains(Kelurahan.Trim()))
                kelurahan = Kelurahan.Trim();
            else
                invalid = true;
        }

        var due = Due switch
        {
            null or "" => QueueDue.Any,
            DueToday => QueueDue.Today,
            Overdue => QueueDue.Overdue,
            _ => (QueueDue?)null,
        };
        invalid |= due is null;

        invalid |= Owner is not (null or "" or Mine);
        invalid |= Sort is not (null or "" or Ascending or Descending);

        string? reference = null;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            reference = ReferenceNumber.Normalize(Search);
            if (!ReferenceNumber.IsWellFormed(reference))
            {
                reference = null;
                invalid = true;
            }
        }

        QueueCursor? after = null;
        if (!string.IsNullOrEmpty(After) && !QueueCursor.TryParse(After, out after))
            invalid = true;

        return (new QueueFilter
        {
            ServiceId = serviceId,
            Step = step,
            Status = status,
            KelurahanCode = kelurahan,
            MineOnly = Owner == Mine,
            Due = due ?? QueueDue.Any,
            Descending = Sort == Descending,
            Reference = reference,
            After = after,
        }, invalid);
    }

    /// <summary>/petugas/antrian with these filters (the ones set) and, optionally, a page cursor.</summary>
    public string Url(string? after = null)
    {
        var sb = new StringBuilder("/petugas/antrian");
        var first = true;
        void Add(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return;
            sb.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
            first = false;
        }

        Add("layanan", Service);
        Add("tahap", Step);
        Add("status", Status);
        Add("kelurahan", Kelurahan);
        Add("milik", Owner);
        Add("tenggat", Due);
        Add("urut", Sort);
        Add("cari", Search);
        Add("setelah", after);
        return sb.ToString();
    }

    public static string UrlFor(string? service = null, int? step = null, string? status = null, string? owner = null, string? due = null) =>
        new QueueQuery
        {
            Service = service,
            Step = step?.ToString(CultureInfo.InvariantCulture),
            Status = status,
            Owner = owner,
            Due = due,
        }.Url();
}

public sealed class QueueListPage
{
    public required QueueQuery Query { get; init; }

    public required QueueFilter Filter { get; init; }

    public required QueuePage Page { get; init; }

    public required IReadOnlyList<QueueService> Services { get; init; }

    public required IReadOnlyList<KelurahanOption> Kelurahan { get; init; }

    public required string AgencyName { get; init; }

    public required string Language { get; init; }

    public bool HadInvalidFilter { get; init; }

    /// <summary>Where the rendered body is kept for the next officer of the agency (the default view only).</summary>
    public Framework.BodySlot? KeepIn { get; init; }

    public bool IsFirstPage => Filter.After is null;

    public bool HasFilters =>
        Filter.ServiceId is not null || Filter.Step is not null || Filter.Status is not null || Filter.KelurahanCode is not null
        || Filter.MineOnly || Filter.Due != QueueDue.Any || Filter.Reference is not null || Filter.Descending;
}

public sealed class QueueOverviewPage
{
    public required QueueOverview Overview { get; init; }

    public required string AgencyName { get; init; }

    public required string Language { get; init; }
}
