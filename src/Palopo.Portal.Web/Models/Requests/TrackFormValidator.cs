using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Palopo.Portal.Web.Models.Requests;

public sealed class TrackFormValidator : AbstractValidator<TrackForm>
{
    public TrackFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.ReferenceNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Track.ReferenceRequired"])
            .MaximumLength(40).WithMessage(_ => t["Validation.MaxLength", 40]);
        RuleFor(f => f.TrackingCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Track.CodeRequired"])
            .MaximumLength(40).WithMessage(_ => t["Validation.MaxLength", 40]);
    }
}
