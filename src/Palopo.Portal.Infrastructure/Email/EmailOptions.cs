namespace Palopo.Portal.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files into a folder (Development, tests).</summary>
    PickupFolder,

    /// <summary>Send through an SMTP server with MailKit.</summary>
    Smtp,
}

/// <summary>Settings under "Email".</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupFolder;

    public string FromAddress { get; set; } = "layanan@palopokota.go.id";

    public string FromName { get; set; } = "Portal Layanan Kota Palopo";

    /// <summary>Pickup folder; relative paths are under the data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 25;

    public bool SmtpUseStartTls { get; set; }

    public string? SmtpUser { get; set; }

    /// <summary>Secret: set from the environment.</summary>
    public string? SmtpPassword { get; set; }
}
