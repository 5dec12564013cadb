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
# The same command .ci/run executes, so CI proves this stage builds.
RUN dotnet publish src/NewsMeta.Api/NewsMeta.Api.csproj --configuration Release --no-restore --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__NewsMeta="Data Source=/data/newsmeta.db"
# The image's non-root user (app, uid 1654) owns the data volume.
RUN mkdir -p /data && chown app:app /data
COPY --from=build --chown=app:app /app ./
USER app
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["dotnet", "NewsMeta.Api.dll", "health"]
ENTRYPOINT ["dotnet", "NewsMeta.Api.dll"]
