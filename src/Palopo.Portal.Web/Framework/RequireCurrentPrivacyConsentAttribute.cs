using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Before a citizen applies: one who accepted an older privacy notice (Privacy:NoticeVersion was
/// raised) is sent to /data-saya/persetujuan first, and comes back here after accepting.
/// </summary>
public sealed class RequireCurrentPrivacyConsentAttribute() : TypeFilterAttribute(typeof(Filter))
{
    private sealed class Filter(ICurrentUser currentUser, PrivacyConsent consent) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            if (currentUser.Id is { } userId && currentUser.IsInRole(Roles.Citizen)
                && await consent.NeedsConsentAsync(userId, context.HttpContext.RequestAborted))
            {
                var request = context.HttpContext.Request;
                // A GET comes back to the form; a POST (stale form) goes back to its page, never replayed.
                var back = request.Path + (HttpMethods.IsGet(request.Method) ? request.QueryString : QueryString.Empty);
                context.Result = new RedirectResult(Controllers.MyDataController.ConsentPath + "?kembali=" + Uri.EscapeDataString(back));
                return;
            }

            await next();
        }
    }
}
