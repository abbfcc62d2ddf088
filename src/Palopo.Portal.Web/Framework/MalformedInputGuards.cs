using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// A form re-shown after "AcceptPrivacy=abc" made the checkbox tag helper throw (it parses the attempted
/// value as a bool): a 500 for a typo'd or forged post. Before a view renders, attempted values of bool
/// properties that are not booleans are dropped, so the box renders unchecked and the field's message stays.
/// Found by MalformedInputTests.
/// </summary>
public sealed class UnparsableCheckboxValueFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not ViewResult { ViewData.ModelMetadata: { } metadata } view)
            return;
        foreach (var property in metadata.Properties)
        {
            if (property.UnderlyingOrModelType != typeof(bool))
                continue;
            var state = view.ViewData.ModelState;
            if (state.TryGetValue(property.PropertyName!, out var entry)
                && entry.AttemptedValue is { } attempted
                && attempted.Split(',').Any(v => !bool.TryParse(v, out _)))
                state.SetModelValue(property.PropertyName!, rawValue: null, attemptedValue: null);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// The error pages bind nothing from the body: a form the framework already refused (e.g. a NUL in a
/// field) would otherwise be read again when the page is re-executed and turn a 400 into a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoFormBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
