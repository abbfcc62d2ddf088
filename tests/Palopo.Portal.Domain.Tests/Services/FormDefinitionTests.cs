using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Domain.Tests.Services;

public sealed class FormDefinitionTests
{
    private static readonly LocalizedText Label = new("Nama", "Name");

    [Fact]
    public void A_form_with_duplicate_keys_a_missing_label_or_an_empty_choice_has_problems()
    {
        var form = new FormDefinition(
            [new FormSection("a", Label, [
                new FieldDefinition("nama", FieldType.Text, Label),
                new FieldDefinition("nama", FieldType.Text, Label),
                new FieldDefinition("x", FieldType.Text, new LocalizedText("", "")),
                new FieldDefinition("pilih", FieldType.Choice, Label),
            ])],
            [new DocumentRequirement("kk", Label, [], 0)]);

        var problems = form.Problems();

        Assert.Contains(problems, p => p.Contains("Duplicate key 'nama'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'x' has no label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'pilih' has no options", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("allows no file type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no size limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Publishing_a_form_makes_a_new_version_and_refuses_a_broken_one()
    {
        var service = new Service("akta-kelahiran", Guid.NewGuid(), Label, LifeEvent.BirthAndChildren, 5,
            [new WorkflowStep("verifikasi", Label, "Officer")]);
        var good = new FormDefinition([new FormSection("a", Label, [new FieldDefinition("nama", FieldType.Text, Label)])], []);

        var v1 = service.PublishForm(good, DateTime.UtcNow);
        var v2 = service.PublishForm(good, DateTime.UtcNow);

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(2, service.CurrentFormVersion);
        var broken = new FormDefinition([new FormSection("a", Label, [new FieldDefinition("nama", FieldType.Text, new LocalizedText("", ""))])], []);
        Assert.Throws<DomainRuleException>(() => service.PublishForm(broken, DateTime.UtcNow));
        Assert.Equal(2, service.CurrentFormVersion);
    }

    [Theory]
    [InlineData("Akta")]
    [InlineData("akta kelahiran")]
    [InlineData("-akta")]
    [InlineData("")]
    public void Slugs_are_lower_case_letters_digits_and_hyphens(string slug)
    {
        Assert.Throws<DomainRuleException>(() => Service.ValidSlug(slug));
    }

    [Fact]
    public void Services_refuse_negative_fees_bad_service_times_and_empty_workflows()
    {
        var service = new Service("x", Guid.NewGuid(), Label, LifeEvent.Health, 3, [new WorkflowStep("v", Label, "Officer")]);
        Assert.Throws<DomainRuleException>(() => service.SetFee(-1));
        Assert.Throws<DomainRuleException>(() => service.SetServiceTime(0, false));
        Assert.Throws<DomainRuleException>(() => service.SetWorkflow([]));
    }
}
