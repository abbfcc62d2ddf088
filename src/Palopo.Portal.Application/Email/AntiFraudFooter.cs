namespace Palopo.Portal.Application.Email;

/// <summary>
/// The fixed footer every message from the portal carries (DESIGN.md): officers never ask
/// for passwords or one-time codes. Fixed text on purpose, so citizens learn to expect it.
/// </summary>
public static class AntiFraudFooter
{
    public const string Text =
        "Petugas Pemerintah Kota Palopo tidak pernah meminta kata sandi atau kode OTP Anda. " +
        "Jangan berikan kepada siapa pun. Ragu? Jangan klik tautan: buka portal sendiri dan lihat Notifikasi Anda.\n" +
        "City of Palopo officers never ask for your password or OTP code. Never share them. " +
        "In doubt? Do not click links: open the portal yourself and check your notifications.";
}
