using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.PersonalData;

namespace Palopo.Portal.Domain.Tests.PersonalData;

public sealed class RightsRequestTests
{
    private static readonly DateTime Filed = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_request_is_due_three_times_24_hours_after_filing_and_overdue_only_while_open()
    {
        var request = RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Access, "Salinan data saya.", Filed);
        Assert.Equal(Filed.AddHours(72), request.DueAtUtc);
        Assert.False(request.IsOverdueAt(Filed.AddHours(72)));
        Assert.True(request.IsOverdueAt(Filed.AddHours(72).AddMinutes(1)));

        request.Complete("Terlampir.", "Admin", Filed.AddHours(80));
        Assert.False(request.IsOverdueAt(Filed.AddHours(100)));
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_a_closed_request_cannot_change()
    {
        var request = RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Objection, "Keberatan.", Filed);
        Assert.Throws<DomainRuleException>(() => request.Refuse("  ", "Admin", Filed));
        Assert.Equal(RightsRequestStatus.Received, request.Status);

        request.Refuse("Pemrosesan diwajibkan undang-undang.", "Admin", Filed.AddHours(1));
        Assert.Equal(RightsRequestStatus.Refused, request.Status);
        Assert.Throws<DomainRuleException>(() => request.Complete("Lain.", "Admin", Filed.AddHours(2)));
        Assert.Throws<DomainRuleException>(() => request.StartWork(Filed.AddHours(2)));
    }

    [Fact]
    public void Only_an_erasure_request_records_an_erasure()
    {
        var access = RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Access, "Salinan.", Filed);
        Assert.Throws<DomainRuleException>(() => access.RecordErasure("Laporan.", "Admin", Filed));

        var erasure = RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Erasure, "Hapus.", Filed);
        erasure.RecordErasure("Laporan.", "Admin", Filed.AddHours(3));
        Assert.Equal(RightsRequestStatus.Completed, erasure.Status);
        Assert.Equal(Filed.AddHours(3), erasure.ErasedAtUtc);
    }

    [Fact]
    public void Details_are_required_and_bounded()
    {
        Assert.Throws<DomainRuleException>(() => RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Access, " ", Filed));
        Assert.Throws<DomainRuleException>(() => RightsRequest.File(Guid.NewGuid(), RightsRequestKind.Access, new string('x', 2001), Filed));
        Assert.Throws<DomainRuleException>(() => RightsRequest.File(Guid.NewGuid(), (RightsRequestKind)99, "x", Filed));
    }
}

public sealed class DataBreachTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    private static DataBreach Breach(DateTime discovered) =>
        DataBreach.Record("Judul", "Nama", "Salah kirim", "Dihapus", discovered.AddHours(-1), discovered, "Admin", Now);

    [Fact]
    public void The_notice_is_due_three_times_24_hours_after_discovery()
    {
        var breach = Breach(Now.AddHours(-10));
        Assert.Equal(Now.AddHours(62), breach.NotifyDueAtUtc);
        Assert.Equal(TimeSpan.FromHours(62), breach.TimeLeft(Now));
    }

    [Fact]
    public void Each_subject_is_notified_once_however_often_the_notice_is_sent()
    {
        var breach = Breach(Now.AddHours(-1));
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Equal(2, breach.AddSubjects([a, b, a], Now));
        Assert.Equal(0, breach.AddSubjects([b], Now));

        Assert.Equal(2, breach.TakeSubjectsToNotify(Now).Count);
        Assert.Empty(breach.TakeSubjectsToNotify(Now.AddMinutes(1)));

        var c = Guid.NewGuid();
        breach.AddSubjects([c], Now.AddMinutes(2));
        Assert.Equal(c, Assert.Single(breach.TakeSubjectsToNotify(Now.AddMinutes(3))).UserId);
    }

    [Fact]
    public void Times_must_make_sense()
    {
        Assert.Throws<DomainRuleException>(() => DataBreach.Record("J", "D", "H", "R", Now, Now.AddHours(-1), "Admin", Now));
        Assert.Throws<DomainRuleException>(() => DataBreach.Record("J", "D", "H", "R", Now, Now.AddHours(1), "Admin", Now));
        var breach = Breach(Now.AddHours(-5));
        Assert.Throws<DomainRuleException>(() => breach.RecordAuthorityNotified(Now.AddHours(-6), Now));
        breach.RecordAuthorityNotified(Now.AddHours(-1), Now);
        Assert.Throws<DomainRuleException>(() => breach.RecordAuthorityNotified(Now, Now));
    }
}
