using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Palopo.Portal.Web.Framework;

/// <summary>Identity's messages in the user's language; the ones a citizen can meet are worded for them.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = t["Password.TooShort", length] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = t["Account.ResetFailed"] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = t["Account.LinkInvalid"] };

    // Never say that an e-mail is taken: that would reveal who has an account.
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = t["Register.CannotRegister"] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = t["Register.CannotRegister"] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = t["Validation.Email"] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = t["Error.Generic"] };
}
