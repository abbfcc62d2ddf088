using FluentValidation;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Web.Models.Account;

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage(_ => t["Validation.Required"]);
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Required"]);
    }
}

public sealed class TwoFactorFormValidator : AbstractValidator<TwoFactorForm>
{
    public TwoFactorFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.Code).NotEmpty().WithMessage(_ => t["Validation.Required"])
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage(_ => t["TwoFactor.CodeFormat"]);
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.RecoveryCode).NotEmpty().WithMessage(_ => t["Validation.Required"]).MaximumLength(20).WithMessage(_ => t["Validation.MaxLength", 20]);
}

public sealed class EmailFormValidator : AbstractValidator<EmailForm>
{
    public EmailFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.Required"])
            .MaximumLength(254).WithMessage(_ => t["Validation.MaxLength", 254])
            .EmailAddress().WithMessage(_ => t["Validation.Email"]);
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage(_ => t["Validation.Required"]);
        RuleFor(f => f.Code).NotEmpty().WithMessage(_ => t["Account.LinkInvalid"]);
        RuleFor(f => f.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.Required"])
            .MinimumLength(15).WithMessage(_ => t["Password.TooShort", 15])
            .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage(_ => t["Validation.MaxLength", CommonPasswordValidator.MaximumLength])
            .Must((form, password) => !CommonPasswordValidator.IsCommon(password!, form.Email)).WithMessage(_ => t["Password.Common"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => t["Password.Mismatch"]);
    }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => t["Validation.Required"]);
        RuleFor(f => f.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.Required"])
            .MinimumLength(15).WithMessage(_ => t["Password.TooShort", 15])
            .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage(_ => t["Validation.MaxLength", CommonPasswordValidator.MaximumLength])
            .Must(p => !CommonPasswordValidator.IsCommon(p!)).WithMessage(_ => t["Password.Common"]);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage(_ => t["Password.Mismatch"]);
    }
}

public sealed class EnableAuthenticatorFormValidator : AbstractValidator<EnableAuthenticatorForm>
{
    public EnableAuthenticatorFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.Code).NotEmpty().WithMessage(_ => t["Validation.Required"])
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage(_ => t["TwoFactor.CodeFormat"]);
}
