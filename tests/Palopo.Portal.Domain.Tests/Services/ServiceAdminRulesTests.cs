using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Domain.Tests.Services;

public sealed class ServiceAdminRulesTests
{
    private static Service NewService() =>
        new("izin-reklame", Guid.NewGuid(), new LocalizedText("Izin Reklame", "Billboard permit"), LifeEvent.BusinessAndPermits, 5,
            [new WorkflowStep("verifikasi", new LocalizedText("Verifikasi", "Check"), Roles.Officer)]);

    [Fact]
    public void A_service_can_move_to_another_agency_but_not_to_none()
    {
        var service = NewService();
        var other = Guid.NewGuid();
        service.MoveTo(other);
        Assert.Equal(other, service.AgencyId);
        Assert.Throws<DomainRuleException>(() => service.MoveTo(Guid.Empty));
        Assert.Equal(other, service.AgencyId);
    }

    [Fact]
    public void Retiring_and_reinstating_toggle_whether_the_service_is_offered()
    {
        var service = NewService();
        service.Retire();
        Assert.False(service.IsActive);
        service.Reinstate();
        Assert.True(service.IsActive);
    }

    [Fact]
    public void Each_published_form_is_a_new_version_and_the_old_one_is_left_as_it_was()
    {
        var service = NewService();
        var first = new FormDefinition([new FormSection("a", new LocalizedText("A", "A"), [new FieldDefinition("nama", FieldType.Text, new LocalizedText("Nama", "Name"))])], []);
        var v1 = service.PublishForm(first, DateTime.UtcNow);
        var second = new FormDefinition([new FormSection("a", new LocalizedText("A", "A"), [new FieldDefinition("nama_lengkap", FieldType.Text, new LocalizedText("Nama lengkap", "Full name"))])], []);
        var v2 = service.PublishForm(second, DateTime.UtcNow);
        Assert.Equal((1, 2, 2), (v1.Version, v2.Version, service.CurrentFormVersion));
        Assert.Equal("nama", Assert.Single(v1.Definition.Fields).Key);
        Assert.Equal("nama_lengkap", Assert.Single(v2.Definition.Fields).Key);
    }
}
