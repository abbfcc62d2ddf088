using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Runs the FluentValidation validator of every bound action argument asynchronously and puts
/// its errors into ModelState (upstream's advice; the old synchronous auto-validation is unmaintained).
/// </summary>
internal sealed class FluentValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null || argument.GetType().IsPrimitive || argument is string)
                continue;
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
                continue;

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                // One message per field is enough for a person to act on.
                if (context.ModelState[error.PropertyName]?.Errors.Count is null or 0)
                    context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }
        }

        await next();
    }
}
