#!/usr/bin/env node
// Validates the operator resources of rendered manifests (Strimzi's Kafka, KafkaNodePool and KafkaTopic,
// CloudNativePG's Cluster and Pooler) against their CRD schemas, offline, from the npm kubernetes-models packages; the
// built-in kinds are kubernetes-validate's job. Usage: validate-custom-resources.mjs rendered.yaml
import { readFileSync } from 'node:fs';
import { Cluster, Pooler } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import { Kafka, KafkaNodePool, KafkaTopic } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2';
import { parseAllDocuments } from 'yaml';

const models = {
  'kafka.strimzi.io/v1beta2': { Kafka, KafkaNodePool, KafkaTopic },
  'postgresql.cnpg.io/v1': { Cluster, Pooler },
};
const file = process.argv[2];
const failures = [];
let checked = 0;
for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
  const object = document.toJS();
  const group = models[object.apiVersion];
  if (!group) continue;
  const Model = group[object.kind];
  if (!Model) {
    failures.push(`${object.apiVersion} ${object.kind} ${object.metadata?.name}: no schema to check it against`);
    continue;
  }
  try {
    new Model(object).validate();
    checked += 1;
  } catch (err) {
    failures.push(`${object.kind} ${object.metadata?.name}: ${err.message}`);
  }
}
if (failures.length) {
  process.stderr.write(`${failures.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`${file}: ${checked} operator resources match their CRD schemas\n`);
