using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Domain.Tests.Services;

public sealed class WorkflowStepTests
{
    private static readonly LocalizedText Name = new("Verifikasi", "Check");

    [Theory]
    [InlineData(Roles.Officer, new[] { Roles.Officer }, true)]
    [InlineData(Roles.Officer, new[] { Roles.Officer, Roles.Supervisor }, true)]
    [InlineData(Roles.Officer, new[] { Roles.Supervisor }, true)]
    [InlineData(Roles.Supervisor, new[] { Roles.Officer }, false)]
    [InlineData(Roles.Supervisor, new[] { Roles.Officer, Roles.Supervisor }, true)]
    [InlineData(Roles.Officer, new[] { Roles.Citizen }, false)]
    [InlineData(Roles.Officer, new[] { Roles.Admin }, false)]
    [InlineData(Roles.Supervisor, new string[0], false)]
    public void A_step_is_open_only_to_its_role_and_officer_steps_also_to_supervisors(string stepRole, string[] roles, bool permitted)
    {
        Assert.Equal(permitted, new WorkflowStep("s", Name, stepRole).Permits(roles));
    }
}
