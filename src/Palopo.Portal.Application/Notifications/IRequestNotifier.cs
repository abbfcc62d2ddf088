using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Notifications;

/// <summary>
/// Tells the applicant that something happened to their request: an in-app notification and an
/// e-mail in the outbox. Adds rows to the context only; the caller's SaveChanges commits them
/// together with the change they report, so a notification is never lost or sent for nothing.
/// </summary>
public interface IRequestNotifier
{
    Task NotifyAsync(ServiceRequest request, NotificationKind kind, CancellationToken ct);
}
