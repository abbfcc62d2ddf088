namespace Palopo.Portal.Domain.Services;

/// <summary>An immutable version of a service's form.</summary>
public sealed class ServiceFormVersion
{
    private ServiceFormVersion() { }

    internal ServiceFormVersion(Guid serviceId, int version, FormDefinition definition, DateTime createdAtUtc)
    {
        Id = Guid.NewGuid();
        ServiceId = serviceId;
        Version = version;
        Definition = definition;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid ServiceId { get; private set; }

    public int Version { get; private set; }

    public FormDefinition Definition { get; private set; } = new([], []);

    public DateTime CreatedAtUtc { get; private set; }
}
