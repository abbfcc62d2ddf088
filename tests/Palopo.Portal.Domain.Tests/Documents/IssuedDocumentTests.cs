using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Documents;

namespace Palopo.Portal.Domain.Tests.Documents;

public sealed class IssuedDocumentTests
{
    private static readonly DateTime Issued = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Kepala = Guid.NewGuid();
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static IssuedDocument Document(string? nikMasked = "7373********0001", string code = "ABCDEFGHJKMNPQRS") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "DISDUKCAPIL/2026/000001", code,
            "Akta Kelahiran", "Birth Certificate", "Siti Aminah", nikMasked, "Dinas Kependudukan dan Pencatatan Sipil",
            Guid.NewGuid(), "Andi Kepala", Issued);

    [Fact]
    public void A_new_document_is_valid_and_keeps_only_the_masked_nik()
    {
        var document = Document();
        Assert.False(document.IsRevoked);
        Assert.Equal("7373********0001", document.HolderNikMasked);
    }

    [Fact]
    public void A_full_nik_is_refused() =>
        Assert.Throws<DomainRuleException>(() => Document(nikMasked: "7373014501900001"));

    [Theory]
    [InlineData("abcdefghjkmnpqrs")] // not canonical
    [InlineData("ABCD-EFGH-JKMN-PQRS")] // display form, not canonical
    [InlineData("SHORT")]
    public void The_code_must_be_canonical(string code) =>
        Assert.Throws<DomainRuleException>(() => Document(code: code));

    [Fact]
    public void The_file_is_attached_once_with_a_hash_and_signature()
    {
        var document = Document();
        document.AttachFile("2026/11/a.pdf", 1234, Sha, "c2lnbmF0dXJl");
        Assert.Equal(Sha, document.Sha256);
        Assert.Throws<DomainRuleException>(() => document.AttachFile("2026/11/b.pdf", 1234, Sha, "c2lnbmF0dXJl"));
    }

    [Theory]
    [InlineData("NOT-HEX", "sig")]
    [InlineData(Sha, "")]
    public void A_file_without_a_proper_hash_or_signature_is_refused(string sha, string signature) =>
        Assert.Throws<DomainRuleException>(() => Document().AttachFile("2026/11/a.pdf", 10, sha, signature));

    [Fact]
    public void A_supervisor_revokes_with_a_reason()
    {
        var document = Document();
        document.Revoke("  Data kelahiran salah.  ", Kepala, "Andi Kepala", Issued.AddDays(2));
        Assert.True(document.IsRevoked);
        Assert.Equal(Issued.AddDays(2), document.RevokedAtUtc);
        Assert.Equal("Data kelahiran salah.", document.RevocationReason);
        Assert.Equal(Kepala, document.RevokedByUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Revoking_needs_a_reason(string reason)
    {
        var document = Document();
        Assert.Throws<DomainRuleException>(() => document.Revoke(reason, Kepala, "Andi", Issued.AddDays(1)));
        Assert.False(document.IsRevoked);
    }

    [Fact]
    public void The_reason_has_a_maximum_length()
    {
        var document = Document();
        Assert.Throws<DomainRuleException>(() => document.Revoke(new string('x', IssuedDocument.MaxRevocationReasonLength + 1), Kepala, "Andi", Issued.AddDays(1)));
        document.Revoke(new string('x', IssuedDocument.MaxRevocationReasonLength), Kepala, "Andi", Issued.AddDays(1));
        Assert.True(document.IsRevoked);
    }

    [Fact]
    public void A_document_is_revoked_only_once()
    {
        var document = Document();
        document.Revoke("Salah cetak.", Kepala, "Andi", Issued.AddDays(1));
        Assert.Throws<DomainRuleException>(() => document.Revoke("Lagi.", Kepala, "Andi", Issued.AddDays(2)));
        Assert.Equal("Salah cetak.", document.RevocationReason);
        Assert.Equal(Issued.AddDays(1), document.RevokedAtUtc);
    }

    [Fact]
    public void A_document_cannot_be_revoked_before_it_was_issued() =>
        Assert.Throws<DomainRuleException>(() => Document().Revoke("Salah.", Kepala, "Andi", Issued.AddMinutes(-1)));
}
