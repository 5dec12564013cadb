# NewsMeta API: multi-stage build on the official .NET 10 images.
# Build:  docker build -t newsmeta .
# Run:    docker run -p 8080:8080 -v newsmeta-data:/data newsmeta

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore layer first: it only changes when a project file or package version changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NewsMeta.Text/NewsMeta.Text.csproj src/NewsMeta.Text/
COPY src/NewsMeta.Api/NewsMeta.Api.csproj src/NewsMeta.Api/
RUN dotnet restore src/NewsMeta.Api/NewsMeta.Api.csproj
COPY src/ src/
# The same command .ci/run executes, so CI proves this stage builds. The Development settings (with the
# development API keys) stay out of the image; the published output keeps them for local runs only.
RUN dotnet publish src/NewsMeta.Api/NewsMeta.Api.csproj --configuration Release --no-restore --output /app /p:UseAppHost=false \
 && rm /app/appsettings.Development.json
# The runtime image has no shell, so the data volume's folder is made here and copied over.
RUN mkdir -p /rootfs/data

# Chiseled: no shell, no package manager; "extra" brings ICU, which Arabic normalisation needs.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__NewsMeta="Data Source=/data/newsmeta.db"
# The data folder belongs to the runtime user (APP_UID, set by the .NET images).
COPY --from=build --chown=$APP_UID:$APP_UID /rootfs/ /
# Application files stay owned by root: the process may read them, not change them.
COPY --from=build /app ./
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
# Three failed checks 30 s apart mark the container unhealthy: migrations and the warm-up (up to about 20 s) fit before.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["dotnet", "NewsMeta.Api.dll", "health"]
ENTRYPOINT ["dotnet", "NewsMeta.Api.dll"]
