import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { RatingModule } from '@app/rating';
@Module({ imports: [RatingModule] }) class AppModule {}
async function main() { const app = await NestFactory.create(AppModule); await app.listen(3000, '127.0.0.1'); console.log('up'); await app.close(); }
void main();
