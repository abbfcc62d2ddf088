using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Web.Framework;

/// <summary>Model-binding messages ("the value is invalid") in the user's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(_ => t["Validation.ValueInvalid"]);
        m.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.ValueInvalid"]);
        m.SetUnknownValueIsInvalidAccessor(_ => t["Validation.ValueInvalid"]);
        m.SetValueMustBeANumberAccessor(_ => t["Validation.MustBeNumber"]);
        m.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Required"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.ValueInvalid"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.ValueInvalid"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.MustBeNumber"]);
    }
}
