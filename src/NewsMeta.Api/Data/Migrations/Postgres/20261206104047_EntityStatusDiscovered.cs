using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntityStatusDiscovered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Confidence",
                table: "Entities",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Entities",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Status_ArticleCount_Id",
                table: "Entities",
                columns: new[] { "Status", "ArticleCount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entities_Status_ArticleCount_Id",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Entities");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Entities");
        }
    }
}
