using System.Diagnostics.CodeAnalysis;
using Palopo.Portal.Domain.Population;
using Serilog.Core;
using Serilog.Events;

namespace Palopo.Portal.Web.Framework;

/// <summary>A NIK that reaches a log event is written masked, never in full (UU PDP).</summary>
internal sealed class PersonalDataDestructuringPolicy : IDestructuringPolicy
{
    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        if (value is Nik nik)
        {
            result = new ScalarValue(nik.Masked);
            return true;
        }

        result = null;
        return false;
    }
}
