using Palopo.Portal.Domain.Agencies;
using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Tests.Agencies;

public sealed class AgencyTests
{
    [Theory]
    [InlineData("disdukcapil")]
    [InlineData("dinas-2")]
    public void A_lower_case_slug_is_a_valid_code(string code) =>
        Assert.Equal(code, new Agency(code, "Dinas", "Agency", "D").Code);

    [Theory]
    [InlineData("")]
    [InlineData("Disdukcapil")]
    [InlineData("dinas sosial")]
    [InlineData("-dinsos")]
    [InlineData("dinsos-")]
    [InlineData("dinas_sosial")]
    [InlineData("a12345678901234567890123456789012345678901")]
    public void Other_codes_are_refused(string code) =>
        Assert.Throws<DomainRuleException>(() => new Agency(code, "Dinas", "Agency", "D"));

    [Fact]
    public void Renaming_keeps_the_code_and_needs_a_name()
    {
        var agency = new Agency("dinsos", "Dinas Sosial", "Social Affairs", "Dinsos");
        agency.Rename("Dinas Sosial Kota Palopo", "Social Affairs Agency", "Dinsos");
        Assert.Equal("dinsos", agency.Code);
        Assert.Equal("Dinas Sosial Kota Palopo", agency.Name);
        Assert.Throws<DomainRuleException>(() => agency.Rename(" ", "x", "x"));
    }

    [Fact]
    public void An_agency_can_be_closed_and_reopened()
    {
        var agency = new Agency("dinsos", "Dinas Sosial", "Social Affairs", "Dinsos");
        Assert.True(agency.IsActive);
        agency.SetActive(false);
        Assert.False(agency.IsActive);
        agency.SetActive(true);
        Assert.True(agency.IsActive);
    }
}
