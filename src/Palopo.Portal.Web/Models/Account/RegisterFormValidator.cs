using FluentValidation;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Population;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Web.Models.Account;

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<SharedResource> t, KelurahanDirectory kelurahan, TimeProvider clock)
    {
        RuleFor(f => f.FullName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.RequiredNamed", t["Register.FullName"]])
            .MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", 150])
            .Must(PersonName.IsPlausible).WithMessage(_ => t["Register.NameInvalid"]);

        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.RequiredNamed", t["Register.Email"]])
            .MaximumLength(254).WithMessage(_ => t["Validation.MaxLength", 254])
            .EmailAddress().WithMessage(_ => t["Validation.Email"]);

        RuleFor(f => f.PhoneNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.RequiredNamed", t["Register.Phone"]])
            .Must(IndonesianPhoneNumber.IsValid).WithMessage(_ => t["Register.PhoneInvalid"]);

        RuleFor(f => f.Nik).Custom((value, context) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)); // Palopo is UTC+8 (WITA)
            if (!Nik.TryParse(value, today, out _, out var error))
                context.AddFailure(nameof(RegisterForm.Nik), t[$"Nik.{error}"]);
        });

        RuleFor(f => f.KelurahanCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Register.KelurahanRequired"])
            .MustAsync(kelurahan.ExistsAsync).WithMessage(_ => t["Register.KelurahanInvalid"]);

        RuleFor(f => f.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.RequiredNamed", t["Register.Password"]])
            .MinimumLength(15).WithMessage(_ => t["Password.TooShort", 15])
            .MaximumLength(CommonPasswordValidator.MaximumLength).WithMessage(_ => t["Validation.MaxLength", CommonPasswordValidator.MaximumLength])
            .Must((form, password) => !CommonPasswordValidator.IsCommon(password!, form.Email)).WithMessage(_ => t["Password.Common"]);

        RuleFor(f => f.ConfirmPassword)
            .Equal(f => f.Password).WithMessage(_ => t["Password.Mismatch"]);

        RuleFor(f => f.AcceptPrivacy)
            .Equal(true).WithMessage(_ => t["Register.PrivacyRequired"]);
    }
}
