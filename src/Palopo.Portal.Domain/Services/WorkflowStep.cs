using Palopo.Portal.Domain.Common;

namespace Palopo.Portal.Domain.Services;

/// <summary>One step of a service's processing (e.g. verifikasi berkas, persetujuan kepala), with the role allowed to act.</summary>
public sealed record WorkflowStep(string Key, LocalizedText Name, string Role);
