using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Regions;

namespace Palopo.Portal.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<KelurahanDirectory>();
        return services;
    }
}
