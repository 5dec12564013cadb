using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Id_PublishedAt_ReleasedVersion",
                table: "Articles",
                columns: new[] { "Id", "PublishedAt", "ReleasedVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Id_PublishedAt_ReleasedVersion",
                table: "Articles");
        }
    }
}
