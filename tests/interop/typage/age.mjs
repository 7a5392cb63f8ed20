// typage (the npm registry's age-encryption) as a command, for nacre's interoperability tests:
//   node age.mjs keygen [pq]                         prints the identity, then its recipient
//   node age.mjs encrypt IN OUT [--armor] [--passphrase PW] [RECIPIENT...]
//   node age.mjs decrypt IN OUT [--passphrase PW] [IDENTITY...]   (armor is recognised)
import { readFileSync, writeFileSync } from "node:fs";
import * as age from "age-encryption";

const [command, ...args] = process.argv.slice(2);
const take = (flag) => {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};

if (command === "keygen") {
  const identity = args[0] === "pq" ? await age.generateHybridIdentity() : await age.generateX25519Identity();
  console.log(identity);
  console.log(await age.identityToRecipient(identity));
} else if (command === "encrypt") {
  const armor = args.includes("--armor");
  if (armor) args.splice(args.indexOf("--armor"), 1);
  const passphrase = take("--passphrase");
  const [input, output, ...recipients] = args;
  const e = new age.Encrypter();
  if (passphrase !== undefined) {
    e.setScryptWorkFactor(12);
    e.setPassphrase(passphrase);
  }
  for (const r of recipients) e.addRecipient(r);
  const file = await e.encrypt(readFileSync(input));
  writeFileSync(output, armor ? age.armor.encode(file) : file);
} else if (command === "decrypt") {
  const passphrase = take("--passphrase");
  const [input, output, ...identities] = args;
  const d = new age.Decrypter();
  if (passphrase !== undefined) d.addPassphrase(passphrase);
  for (const i of identities) d.addIdentity(i);
  let file = readFileSync(input);
  if (file.subarray(0, 5).toString() === "-----") file = age.armor.decode(file.toString());
  writeFileSync(output, await d.decrypt(file));
} else {
  console.error("usage: node age.mjs keygen|encrypt|decrypt ...");
  process.exit(2);
}
