using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Palopo.Portal.Application.Admin.Staff;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Email;

/// <summary>The invitation e-mail: a link to /akun/undangan where the invitee chooses a password.</summary>
public sealed class StaffInvitationMail(PortalEmailComposer compose, PublicLinks links) : IStaffInvitationMail
{
    public const string Path = "/akun/undangan";

    public EmailMessage Compose(string to, string fullName, Guid userId, string token, TimeSpan validFor)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = links.Absolute($"{Path}?pengguna={userId}&kode={code}");
        return compose.StaffInvitation(to, fullName, link, (int)validFor.TotalHours);
    }
}
