namespace Palopo.Portal.Domain.Population;

/// <summary>Sex as encoded in a NIK: women have 40 added to their day of birth.</summary>
public enum Sex
{
    Male,
    Female,
}
