using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Application.Admin.Catalogue;

/// <summary>The workflow editor's unsaved state, as posted: ordered steps.</summary>
public sealed class WorkflowDraft
{
    public List<StepDraft> Steps { get; set; } = [];

    public static WorkflowDraft From(IEnumerable<WorkflowStep> steps) => new()
    {
        Steps = [.. steps.Select(s => new StepDraft { Key = s.Key, NameId = s.Name.Id, NameEn = s.Name.En, Role = s.Role })],
    };

    /// <summary>The steps when every row is valid; otherwise null and the problems in <paramref name="errors"/>.</summary>
    public IReadOnlyList<WorkflowStep>? ToSteps(AdminErrors errors)
    {
        if (Steps.Count == 0)
            errors.Add("Steps", "NoSteps");
        if (Steps.Count > 20)
            errors.Add("Steps", "TooMany", 20);
        var steps = new List<WorkflowStep>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var row = Steps[i];
            var prefix = $"Steps[{i}].";
            var key = errors.Key(prefix + nameof(row.Key), row.Key);
            if (key.Length > 0 && Steps.Take(i).Any(s => (s.Key ?? "").Trim() == key))
                errors.Add(prefix + nameof(row.Key), "DuplicateKey", key);
            var nameId = errors.Text(prefix + nameof(row.NameId), row.NameId, 200, required: true);
            var nameEn = errors.Text(prefix + nameof(row.NameEn), row.NameEn, 200);
            if (row.Role is not (Roles.Officer or Roles.Supervisor))
                errors.Add(prefix + nameof(row.Role), "RoleInvalid");
            steps.Add(new WorkflowStep(key, new LocalizedText(nameId, nameEn), row.Role ?? ""));
        }

        return errors.Any ? null : steps;
    }
}

public sealed class StepDraft
{
    public string? Key { get; set; }

    public string? NameId { get; set; }

    public string? NameEn { get; set; }

    public string? Role { get; set; } = Roles.Officer;
}
