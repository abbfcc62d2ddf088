# syntax=docker/dockerfile:1
# Palopo Portal container image: build with the .NET 10 SDK, run on the ASP.NET Core runtime.
#   docker build -t palopo-portal .
#   docker run -p 8080:8080 -e PersonalData__BlindIndexKey=... -v palopo-data:/app/data palopo-portal
# docker-compose.yml runs it with SQL Server (or PostgreSQL); see README.md.

# ---- build -------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so the package layer is cached
# until a project file or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Palopo.Portal.Domain/Palopo.Portal.Domain.csproj src/Palopo.Portal.Domain/
COPY src/Palopo.Portal.Application/Palopo.Portal.Application.csproj src/Palopo.Portal.Application/
COPY src/Palopo.Portal.Infrastructure/Palopo.Portal.Infrastructure.csproj src/Palopo.Portal.Infrastructure/
COPY src/Palopo.Portal.Migrations.Sqlite/Palopo.Portal.Migrations.Sqlite.csproj src/Palopo.Portal.Migrations.Sqlite/
COPY src/Palopo.Portal.Migrations.PostgreSql/Palopo.Portal.Migrations.PostgreSql.csproj src/Palopo.Portal.Migrations.PostgreSql/
COPY src/Palopo.Portal.Migrations.SqlServer/Palopo.Portal.Migrations.SqlServer.csproj src/Palopo.Portal.Migrations.SqlServer/
COPY src/Palopo.Portal.Web/Palopo.Portal.Web.csproj src/Palopo.Portal.Web/
RUN dotnet restore src/Palopo.Portal.Web/Palopo.Portal.Web.csproj

COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Palopo.Portal.Web/Palopo.Portal.Web.csproj \
        --configuration Release --no-restore --output /app/publish -p:UseAppHost=false

# ---- runtime -----------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# fonts-dejavu-core: the fonts PDFsharp embeds in issued documents.
# tzdata: time-zone data for showing times in WITA (Asia/Makassar).
# curl: for the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core tzdata curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app/publish ./

# The data folder (Storage:DataPath = "data" under the content root /app): SQLite file,
# the mail pickup folder and rolling logs; uploads in /app/files (Storage:FilesPath), a
# separate volume so that several web nodes can share it (NFS/SMB) while each keeps its
# own data folder. Owned by the image's non-root user so new named volumes are writable.
RUN mkdir -p /app/data /app/files && chown -R "$APP_UID" /app/data /app/files
VOLUME ["/app/data", "/app/files"]

ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Storage__FilesPath=/app/files \
    DOTNET_NOLOGO=1
EXPOSE 8080

# The non-root user that the .NET images ship (uid 1654, "app").
USER $APP_UID

# Liveness only: /health/live does no I/O; /health/ready also checks the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --max-time 4 http://127.0.0.1:8080/health/live >/dev/null || exit 1

# "docker run IMAGE --migrate" applies migrations and seed data, then exits (see docker-compose.yml).
ENTRYPOINT ["dotnet", "Palopo.Portal.Web.dll"]
