import{Gg as a}from"./chunk-XUVKP7BZ.js";var c=Object.defineProperty,l=Object.getOwnPropertyDescriptor,d=Object.getOwnPropertyNames,p=Object.prototype.hasOwnProperty,i=(e,t,r,s)=>{if(t&&typeof t=="object"||typeof t=="function")for(let n of d(t))!p.call(e,n)&&n!==r&&c(e,n,{get:()=>t[n],enumerable:!(s=l(t,n))||s.enumerable});return e},m=(e,t,r)=>(i(e,t,"default"),r&&i(r,t,"default")),o={};m(o,a);var h=class{constructor(e,t,r){this._onDidChange=new o.Emitter,this._languageId=e,this.setDiagnosticsOptions(t),this.setModeConfiguration(r)}get onDidChange(){return this._onDidChange.event}get languageId(){return this._languageId}get modeConfiguration(){return this._modeConfiguration}get diagnosticsOptions(){return this._diagnosticsOptions}setDiagnosticsOptions(e){this._diagnosticsOptions=e||Object.create(null),this._onDidChange.fire(this)}setModeConfiguration(e){this._modeConfiguration=e||Object.create(null),this._onDidChange.fire(this)}},_={validate:!0,allowComments:!0,schemas:[],enableSchemaRequest:!1,schemaRequest:"warning",schemaValidation:"warning",comments:"error",trailingCommas:"error"},f={documentFormattingEdits:!0,documentRangeFormattingEdits:!0,completionItems:!0,hovers:!0,documentSymbols:!0,tokens:!0,colors:!0,foldingRanges:!0,diagnostics:!0,selectionRanges:!0},g=new h("json",_,f),j=()=>u().then(e=>e.getWorker());o.languages.json={jsonDefaults:g,getWorker:j};function u(){return import("./chunk-LRIB2SES.js")}o.languages.register({id:"json",extensions:[".json",".bowerrc",".jshintrc",".jscsrc",".eslintrc",".babelrc",".har"],aliases:["JSON","json"],mimetypes:["application/json"]});o.languages.onLanguage("json",()=>{u().then(e=>e.setupMode(g))});export{g as a,j as b};
/*! Bundled license information:

monaco-editor/esm/vs/language/json/monaco.contribution.js:
  (*!-----------------------------------------------------------------------------
   * Copyright (c) Microsoft Corporation. All rights reserved.
   * Version: 0.52.2(404545bded1df6ffa41ea0af4e8ddb219018c6c1)
   * Released under the MIT license
   * https://github.com/microsoft/monaco-editor/blob/main/LICENSE.txt
   *-----------------------------------------------------------------------------*)
*/
