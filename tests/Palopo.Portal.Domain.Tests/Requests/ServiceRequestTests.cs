using Palopo.Portal.Domain.Calendar;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Domain.Tests.Requests;

public sealed class ServiceRequestTests
{
    private static readonly Actor Citizen = new(Guid.NewGuid(), "Siti", "Citizen");
    private static readonly Actor Officer = new(Guid.NewGuid(), "Rahmat", "Officer");
    private static readonly WorkingCalendar Calendar = WorkingCalendar.WeekendsOnly;
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateTime Now = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    private static ServiceRequest Draft(int serviceDays = 5)
    {
        var request = ServiceRequest.StartDraft(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), serviceDays, Citizen.UserId, RequestChannel.Online, Guid.NewGuid(), Citizen, Now);
        request.SaveAnswers(new Dictionary<string, string> { ["nama_anak"] = "Budi", ["nik_ibu"] = "7373015005950003" }, Now);
        return request;
    }

    private static ServiceRequest Submitted(int serviceDays = 5)
    {
        var request = Draft(serviceDays);
        request.Submit("PLP-2026-000001", "ABCD2345", Calendar, Monday, Citizen, Now);
        return request;
    }

    [Fact]
    public void Submitting_gives_the_reference_starts_the_clock_and_records_the_change()
    {
        var request = Submitted();

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("PLP-2026-000001", request.ReferenceNumber);
        Assert.Equal(Monday, request.ClockStartedOn);
        Assert.Equal(new DateOnly(2026, 12, 7), request.DueOn);
        var change = request.Events.Last();
        Assert.Equal(RequestEventKind.StatusChanged, change.Kind);
        Assert.Equal(RequestStatus.Draft, change.FromStatus);
        Assert.Equal(RequestStatus.Submitted, change.ToStatus);
        Assert.Equal("Siti", change.ActorName);
    }

    [Fact]
    public void Every_change_bumps_the_concurrency_version()
    {
        var request = Draft();
        var before = request.Version;
        request.Submit("PLP-2026-000002", "ABCD2345", Calendar, Monday, Citizen, Now);
        Assert.True(request.Version > before);
    }

    [Fact]
    public void A_submitted_request_cannot_be_submitted_again()
    {
        var request = Submitted();
        var error = Assert.Throws<InvalidTransitionException>(() => request.Submit("PLP-2026-000003", "X", Calendar, Monday, Citizen, Now));
        Assert.Equal(RequestStatus.Submitted, error.From);
        Assert.Equal(RequestStatus.Submitted, error.To);
    }

    [Fact]
    public void Answers_can_only_be_edited_freely_in_a_draft()
    {
        var request = Submitted();
        Assert.Throws<DomainRuleException>(() => request.SaveAnswers(new Dictionary<string, string>(), Now));
    }

    [Fact]
    public void Sending_back_pauses_the_clock_and_resubmitting_moves_the_deadline_by_the_paused_working_days()
    {
        var request = Submitted();
        request.Assign(Officer.UserId!.Value, Officer, Now);
        request.SendBack([(CorrectionTarget.Field, "nik_ibu", "NIK tidak sesuai KK")], new DateOnly(2026, 12, 1), Officer, Now);

        Assert.Equal(RequestStatus.NeedsCorrection, request.Status);
        Assert.True(request.IsClockPaused);
        Assert.Contains(request.Events, e => e.Kind == RequestEventKind.ClockPaused);

        // Waits Tue 1 Dec → Fri 4 Dec: 3 working days paused (Wed, Thu, Fri).
        request.Resubmit(new Dictionary<string, string> { ["nik_ibu"] = "7373015005950004" }, Calendar, new DateOnly(2026, 12, 4), Citizen, Now);

        Assert.Equal(RequestStatus.Resubmitted, request.Status);
        Assert.False(request.IsClockPaused);
        Assert.Equal(3, request.PausedWorkingDays);
        Assert.Equal(new DateOnly(2026, 12, 10), request.DueOn); // Mon 7 Dec + 3 working days
        Assert.Equal("7373015005950004", request.Answers["nik_ibu"]);
        var item = Assert.Single(request.Corrections);
        Assert.Equal("7373015005950003", item.PreviousValue);
        Assert.Equal("7373015005950004", item.NewValue);
        Assert.Contains(request.Events, e => e.Kind == RequestEventKind.ClockResumed);
    }

    [Fact]
    public void Paused_days_do_not_count_as_elapsed()
    {
        var request = Submitted();
        request.SendBack([(CorrectionTarget.Field, "nama_anak", "Ejaan")], new DateOnly(2026, 12, 1), Officer, Now);
        Assert.Equal(1, request.WorkingDaysElapsed(Calendar, new DateOnly(2026, 12, 4)));
        request.Resubmit(new Dictionary<string, string> { ["nama_anak"] = "Budy" }, Calendar, new DateOnly(2026, 12, 4), Citizen, Now);
        Assert.Equal(2, request.WorkingDaysElapsed(Calendar, new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void Only_flagged_fields_may_change_on_resubmission()
    {
        var request = Submitted();
        request.SendBack([(CorrectionTarget.Field, "nik_ibu", "Salah")], Monday, Officer, Now);
        var error = Assert.Throws<DomainRuleException>(() =>
            request.Resubmit(new Dictionary<string, string> { ["nama_anak"] = "Lain" }, Calendar, Monday, Citizen, Now));
        Assert.Contains("nama_anak", error.Message, StringComparison.Ordinal);
        Assert.Equal("Budi", request.Answers["nama_anak"]);
        Assert.Equal(RequestStatus.NeedsCorrection, request.Status);
    }

    [Fact]
    public void A_send_back_needs_at_least_one_item_and_a_reason_for_each()
    {
        var request = Submitted();
        Assert.Throws<DomainRuleException>(() => request.SendBack([], Monday, Officer, Now));
        Assert.Throws<DomainRuleException>(() => request.SendBack([(CorrectionTarget.Field, "nik_ibu", " ")], Monday, Officer, Now));
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void Approving_walks_the_workflow_steps_and_the_last_step_approves_the_request()
    {
        var request = Submitted();
        request.ApproveStep(workflowStepCount: 2, Officer, Now, null);
        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.Equal(1, request.CurrentStep);
        request.ApproveStep(workflowStepCount: 2, Officer, Now, "Disetujui");
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.NotNull(request.DecidedAtUtc);
        request.MarkIssued(Officer, Now);
        Assert.Equal(RequestStatus.Issued, request.Status);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_is_final()
    {
        var request = Submitted();
        Assert.Throws<DomainRuleException>(() => request.Reject("  ", Officer, Now));
        request.Reject("Berkas palsu", Officer, Now);
        Assert.Equal(RequestStatus.Rejected, request.Status);
        Assert.Equal("Berkas palsu", request.DecisionReason);
        Assert.Throws<InvalidTransitionException>(() => request.Withdraw(null, Citizen, Now));
        Assert.Throws<InvalidTransitionException>(() => request.ApproveStep(1, Officer, Now, null));
    }

    [Fact]
    public void The_citizen_can_withdraw_before_a_decision_but_not_after()
    {
        var open = Submitted();
        open.Withdraw("Salah layanan", Citizen, Now);
        Assert.Equal(RequestStatus.Withdrawn, open.Status);

        var approved = Submitted();
        approved.ApproveStep(1, Officer, Now, null);
        Assert.Throws<InvalidTransitionException>(() => approved.Withdraw(null, Citizen, Now));
    }

    [Fact]
    public void A_request_is_overdue_only_after_its_due_day_while_open_and_not_paused()
    {
        var request = Submitted(serviceDays: 1); // due Tue 1 Dec
        Assert.False(request.IsOverdue(new DateOnly(2026, 12, 1)));
        Assert.True(request.IsOverdue(new DateOnly(2026, 12, 2)));
        request.SendBack([(CorrectionTarget.Field, "nik_ibu", "x")], new DateOnly(2026, 12, 1), Officer, Now);
        Assert.False(request.IsOverdue(new DateOnly(2026, 12, 9)));
    }

    [Fact]
    public void Internal_notes_are_marked_internal()
    {
        var request = Submitted();
        request.AddNote("Cek ke RS", isInternal: true, Officer, Now);
        Assert.True(request.Events.Last().IsInternal);
        Assert.Throws<DomainRuleException>(() => request.AddNote(" ", isInternal: false, Officer, Now));
    }

    [Fact]
    public void A_new_upload_replaces_the_previous_file_for_the_same_document()
    {
        var request = Draft();
        request.AttachDocument("kk", "kk.pdf", "2026/11/a.pdf", "application/pdf", 100, "aa", Now);
        request.AttachDocument("kk", "kk2.pdf", "2026/11/b.pdf", "application/pdf", 120, "bb", Now);
        var current = Assert.Single(request.CurrentDocuments);
        Assert.Equal("kk2.pdf", current.FileName);
        Assert.Equal(2, request.Documents.Count);
    }

    [Fact]
    public void After_submission_only_documents_flagged_for_correction_can_be_replaced()
    {
        var request = Submitted();
        Assert.Throws<DomainRuleException>(() => request.AttachDocument("kk", "kk.pdf", "x/y.pdf", "application/pdf", 1, "a", Now));
        request.SendBack([(CorrectionTarget.Document, "kk", "Buram")], Monday, Officer, Now);
        request.AttachDocument("kk", "kk.pdf", "x/z.pdf", "application/pdf", 1, "a", Now);
        Assert.Throws<DomainRuleException>(() => request.AttachDocument("akta", "a.pdf", "x/w.pdf", "application/pdf", 1, "a", Now));
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequestStatus.Submitted, true)]
    [InlineData(RequestStatus.Draft, RequestStatus.Approved, false)]
    [InlineData(RequestStatus.NeedsCorrection, RequestStatus.Resubmitted, true)]
    [InlineData(RequestStatus.NeedsCorrection, RequestStatus.Approved, false)]
    [InlineData(RequestStatus.Approved, RequestStatus.Issued, true)]
    [InlineData(RequestStatus.Approved, RequestStatus.Withdrawn, false)]
    [InlineData(RequestStatus.Issued, RequestStatus.Rejected, false)]
    [InlineData(RequestStatus.Withdrawn, RequestStatus.Submitted, false)]
    public void The_lifecycle_allows_only_the_designed_transitions(RequestStatus from, RequestStatus to, bool allowed)
    {
        Assert.Equal(allowed, RequestLifecycle.CanMove(from, to));
    }
}
