namespace Palopo.Portal.Domain.Services;

/// <summary>The kinds of question a service form can ask.</summary>
public enum FieldType
{
    Text,
    LongText,
    Number,
    Date,
    Choice,
    Nik,
    Kelurahan,
    YesNo,
}

/// <summary>What a date answer may be, relative to the day of filing.</summary>
public enum DateRule
{
    Any,
    PastOrToday,
    TodayOrLater,
}

/// <summary>File types accepted for uploads, checked by content (magic bytes) as well as name.</summary>
public enum DocumentFileType
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>Life events group services the way citizens think of them.</summary>
public enum LifeEvent
{
    BirthAndChildren,
    DeathAndInheritance,
    FamilyAndMarriage,
    MovingHouse,
    IdentityDocuments,
    BusinessAndPermits,
    BuildingAndLand,
    Health,
    Education,
    SocialAssistance,
}
