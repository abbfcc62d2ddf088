namespace Palopo.Portal.Web.Models.Account;

public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class EmailForm
{
    public string? Email { get; set; }
}

public sealed class ResetPasswordForm
{
    public string? Email { get; set; }

    public string? Code { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class EnableAuthenticatorForm
{
    public string? Code { get; set; }

    public string SharedKey { get; set; } = "";

    public string AuthenticatorUri { get; set; } = "";

    public string QrCodeSvg { get; set; } = "";
}
