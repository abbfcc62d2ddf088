using Microsoft.AspNetCore.Mvc.ModelBinding;
using Palopo.Portal.Application.Regions;

namespace Palopo.Portal.Web.Models.Account;

/// <summary>What a citizen types to register. Strings throughout so any input can be re-shown as typed.</summary>
public sealed class RegisterForm
{
    public string? FullName { get; set; }

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Nik { get; set; }

    public string? KelurahanCode { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    public bool AcceptPrivacy { get; set; }

    [BindNever]
    public IReadOnlyList<KelurahanOption> KelurahanOptions { get; set; } = [];
}
