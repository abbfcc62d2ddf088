using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Catalogue;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;

namespace Palopo.Portal.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddMemoryCache(); // reference data read on most pages (KelurahanDirectory)
        services.AddScoped<KelurahanDirectory>();
        services.AddScoped<ListCatalogue>();
        services.AddSingleton<Caching.CacheSignalBus>();
        services.AddSingleton<ICatalogueCache, SignalledCatalogueCache>();
        services.AddSingleton<WorkingCalendarCache>();
        services.AddSingleton<Officer.Queues.AgencyServicesCache>();
        services.AddSingleton<UnreadCountCache>();
        services.AddScoped<SearchCatalogue>();
        services.AddScoped<GetServiceDetails>();
        services.AddScoped<WorkingCalendarProvider>();
        services.AddScoped<AnswerValidator>();
        services.AddScoped<UploadChecker>();
        services.AddScoped<ApplyForService>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<RequestReceipts>();
        services.AddScoped<MyRequests>();
        services.AddScoped<GetRequestDetails>();
        services.AddScoped<RequestDocumentFiles>();
        services.AddScoped<TrackRequest>();
        services.AddScoped<WithdrawRequest>();
        services.AddScoped<ResubmitCorrection>();
        services.AddScoped<SendBackRequest>();
        services.AddScoped<ApproveRequestStep>();
        services.AddScoped<RejectRequest>();
        services.AddScoped<Officer.Review.GetRequestForReview>();
        services.AddScoped<Officer.Review.OfficerDocumentFiles>();
        services.AddScoped<Officer.Decisions.AssignRequest>();
        services.AddScoped<Officer.Decisions.AddInternalNote>();
        services.AddScoped<Officer.Queues.GetQueueOverview>();
        services.AddScoped<Officer.Queues.ListQueue>();
        services.AddScoped<Officer.Supervision.GetSupervisorOverview>();
        services.AddScoped<Officer.Supervision.ReassignRequest>();
        services.AddScoped<Officer.Assisted.FileAssistedRequest>();
        services.AddScoped<Officer.Assisted.AssistedReceipts>();
        services.AddScoped<Officer.Assisted.ClaimAssistedRequest>();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName)
            .Validate(o => o.HasValidBaseUrl, "Portal:PublicBaseUrl must be an absolute http(s) address.").ValidateOnStart();
        services.AddScoped<IRequestNotifier, RequestNotifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<PersonalData.MyDataAccessLog>();
        services.AddScoped<PersonalData.MyDataExport>();
        services.AddScoped<Documents.IssueDocument>();
        services.AddScoped<Documents.RevokeDocument>();
        services.AddScoped<Documents.VerifyDocument>();
        services.AddScoped<Documents.IssuedDocumentFiles>();
        services.AddScoped<Documents.GetIssuedDocument>();
        services.AddScoped<Admin.Staff.InviteStaff>();
        services.AddScoped<Admin.Staff.ChangeStaff>();
        services.AddScoped<Admin.Staff.StaffActivation>();
        services.AddScoped<Admin.Calendar.HolidayCalendar>();
        services.AddScoped<Admin.Audit.AuditSearch>();
        services.AddScoped<Admin.Catalogue.AgencyAdmin>();
        services.AddScoped<Admin.Catalogue.ServiceAdmin>();
        services.AddOptions<PersonalData.PrivacyOptions>().BindConfiguration(PersonalData.PrivacyOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.NoticeVersion) && o.NoticeVersion.Length <= 20, "Privacy:NoticeVersion is required (at most 20 characters).")
            .Validate(o => o.DecidedRequestRetentionYears is >= 1 and <= 100, "Privacy:DecidedRequestRetentionYears must be 1–100.")
            .ValidateOnStart();
        services.AddOptions<PersonalData.RetentionOptions>().BindConfiguration(PersonalData.RetentionOptions.SectionName)
            .Validate(o => o.IntervalMinutes >= 1 && o.AbandonedDraftDays >= 1 && o.OrphanFileGraceHours >= 1, "Retention settings must be positive.")
            .ValidateOnStart();
        services.AddScoped<PersonalData.FileRightsRequest>();
        services.AddScoped<PersonalData.MyRightsRequests>();
        services.AddScoped<PersonalData.PersonalDataEraser>();
        services.AddScoped<PersonalData.RightsDesk>();
        services.AddScoped<PersonalData.BreachRegister>();
        services.AddScoped<PersonalData.PrivacyConsent>();
        services.AddScoped<PersonalData.RetentionPurge>();
        services.AddScoped<PersonalData.MyDocumentsArchive>();
        return services;
    }
}
