using Palopo.Portal.Application.Admin.Catalogue;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Web.Areas.Admin.Models;

public sealed record AgencyListPage(IReadOnlyList<AgencyRow> Agencies);

/// <summary>Creating (Code null) or editing an agency.</summary>
public sealed record AgencyEditPage(AgencyInput Input, string? Code);

public sealed record ServiceListPage(
    IReadOnlyList<ServiceRow> Services, IReadOnlyList<AgencyRow> Agencies, string? AgencyCode, string Status, string Language);

/// <summary>Creating (Slug null) or editing a service's description and settings.</summary>
public sealed record ServiceEditPage(ServiceInput Input, string? Slug, IReadOnlyList<AgencyRow> Agencies, string Language);

public sealed record ServiceDetailsPage(ServiceForAdmin Data, string Language);

/// <summary>The form editor: the posted draft, and the definition to preview when asked and valid.</summary>
public sealed record FormEditorPage(
    ServiceForAdmin Data, FormDraft Draft, FormDefinition? Preview, IReadOnlyList<KelurahanOption> Kelurahan, string Language)
{
    public static readonly IReadOnlyList<FieldType> FieldTypes = Enum.GetValues<FieldType>();
}

public sealed record WorkflowEditorPage(ServiceForAdmin Data, WorkflowDraft Draft, string Language);

/// <summary>One labelled input of an admin form, rendered by _Input: name, value, message beside it.</summary>
public sealed record AdminInput(string Name, string Label, string? Value, string? Error, string? Hint = null, int? MaxLength = null, bool Multiline = false, string? InputMode = null, string CssClass = "");

internal static class AdminErrorMessages
{
    /// <summary>Puts the problems into ModelState (cleared first, so only these show), each as localized text beside its input.</summary>
    public static void Show(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<AdminError> errors,
        Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        modelState.Clear();
        foreach (var error in errors)
            modelState.AddModelError(error.Field, t["AdminCatalogue.Error." + error.Code, error.Args].Value);
    }

    public static string? ErrorFor(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, string name) =>
        viewData.ModelState[name]?.Errors.FirstOrDefault()?.ErrorMessage;
}
